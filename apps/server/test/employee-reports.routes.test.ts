import { schema } from '@zhiben/db';
import { shanghaiDate } from '@zhiben/domain';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, auditRowsOf, buildTestApp, createTenant, createUser, login, regionByCode, type Session, type TestApp } from './harness.js';
import { randomAddress } from './samples/employee-reports.js';

/**
 * 员工报告隐患奖励 (issue #5 item 4): the anonymous QR page, receipts, verification into the hazard ledger, rewards
 * from the enterprise's scale, and the reporter's identity visible to the principal and the bureau only.
 */
let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await buildTestApp();
  officer = await login(t.app, (await createUser(t.handle, 'bureau_officer')).username);
});
afterAll(async () => t?.close());

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const MB = 1024 * 1024;
const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

interface Upload {
  name: string;
  type: string;
  bytes: Buffer;
}

/** multipart/form-data with text fields and `file` parts, as the mobile page sends it. */
function form(fields: Record<string, string>, files: Upload[] = []) {
  const boundary = `----zbreport${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A tenant with its managers and staff logged in and its QR token. */
async function firm(regionCode = '140404001') {
  const tenant = await createTenant(t, regionCode);
  const sessions = {
    principal: await login(t.app, tenant.principal.username),
    safety: await login(t.app, tenant.safety.username),
    staff: await login(t.app, tenant.staff.username),
  };
  const settings = await as(t.app, sessions.principal).get(`/api/v1/enterprises/${tenant.enterprise.id}/report-settings`);
  expect(settings.statusCode, settings.body).toBe(200);
  return { ...tenant, sessions, token: settings.json().token as string };
}
type Firm = Awaited<ReturnType<typeof firm>>;

/** Posts a report from its own address unless one is given; with a session (cookie + CSRF) when given. */
function report(
  token: string,
  body: Record<string, string> | ReturnType<typeof form> = { description: '二车间配电箱门未关闭，线头裸露', location: '二车间' },
  options: { address?: string; session?: Session; csrf?: boolean } = {},
) {
  const multipart = 'payload' in body && Buffer.isBuffer(body.payload);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/public/reports/${token}`,
    remoteAddress: options.address ?? randomAddress(),
    headers: {
      ...(multipart ? (body as ReturnType<typeof form>).headers : {}),
      ...(options.session ? { cookie: options.session.cookie } : {}),
      ...(options.session && options.csrf !== false ? { 'x-csrf-token': options.session.csrfToken } : {}),
    },
    payload: multipart ? (body as ReturnType<typeof form>).payload : (body as object),
  });
}

async function reportId(receiptCode: string): Promise<string> {
  const [row] = await t.handle.db
    .select({ id: schema.employeeReports.id })
    .from(schema.employeeReports)
    .where(eq(schema.employeeReports.receiptCode, receiptCode));
  if (!row) throw new Error(`no report ${receiptCode}`);
  return row.id;
}

async function submitted(f: Firm, body?: Parameters<typeof report>[1], options?: Parameters<typeof report>[2]) {
  const res = await report(f.token, body, options);
  expect(res.statusCode, res.body).toBe(200);
  const { receiptCode } = res.json();
  return { receiptCode: receiptCode as string, id: await reportId(receiptCode) };
}

describe('report settings (QR code and reward scale)', () => {
  it('creates the token on first read, once, and shows it to managers and the bureau only', async () => {
    const f = await firm();
    const url = `/api/v1/enterprises/${f.enterprise.id}/report-settings`;
    const first = (await as(t.app, f.sessions.safety).get(url)).json();
    expect(first.token).toBe(f.token);
    expect(first.token).toMatch(/^[0-9A-HJKMNP-TV-Z]{20}$/);
    expect(first.reportPath).toBe(`/r/${f.token}`);
    expect(first.rewardScale).toEqual([
      { grade: '一般', amountFen: 5000 },
      { grade: '较大', amountFen: 20000 },
      { grade: '重大', amountFen: 100000 },
    ]);
    expect(first.abilities).toEqual({ edit: false, rotate: false });
    expect((await as(t.app, officer).get(url)).json().token).toBe(f.token);
    expect((await as(t.app, f.sessions.staff).get(url)).statusCode).toBe(403);
    const created = await t.handle.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, 'employee_reports.settings_created'), eq(schema.auditEvents.entityId, f.enterprise.id)));
    expect(created).toHaveLength(1);
    const other = await firm('140404101');
    expect((await as(t.app, other.sessions.principal).get(url)).statusCode).toBe(404);
  });

  it('lets the principal edit the scale (validated) and rotate the token, which retires the old QR code', async () => {
    const f = await firm();
    const url = `/api/v1/enterprises/${f.enterprise.id}/report-settings`;
    const scale = [
      { grade: '一般', amountFen: 8800 },
      { grade: '重大', amountFen: 200000 },
    ];
    const put = await as(t.app, f.sessions.principal).call('PUT', url, { rewardScale: scale });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().rewardScale).toEqual(scale);
    expect((await auditRowsOf(t.handle, put.headers['x-request-id']))[0]?.action).toBe('employee_reports.settings_updated');
    expect((await as(t.app, f.sessions.safety).call('PUT', url, { rewardScale: scale })).statusCode).toBe(403);
    for (const bad of [
      [],
      [
        { grade: '一般', amountFen: 100 },
        { grade: '一般', amountFen: 200 },
      ],
      [{ grade: '一般', amountFen: -1 }],
      [{ grade: '一般', amountFen: 10.5 }],
      [{ grade: '', amountFen: 100 }],
    ]) {
      const res = await as(t.app, f.sessions.principal).call('PUT', url, { rewardScale: bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }

    const rotated = await as(t.app, f.sessions.principal).post(`${url}/rotate-token`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const fresh = rotated.json().token;
    expect(fresh).not.toBe(f.token);
    expect(rotated.json().rewardScale).toEqual(scale);
    const stale = await report(f.token);
    expect(stale.statusCode).toBe(404);
    expect(stale.json().message).toContain('二维码已失效');
    expect((await report(fresh)).statusCode).toBe(200);
    expect((await report(fresh.toLowerCase())).statusCode).toBe(200);
  });
});

describe('the anonymous report page', () => {
  it('stores photos without their metadata (GPS position, phone model, time taken), upright and still readable', async () => {
    const f = await firm();
    // A phone photo as cameras write it: EXIF with the phone, the time and the GPS position, rotated by a tag.
    const taken = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#c03030' } })
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: 'ReporterPhone', Model: 'X-1000' },
        IFD2: { DateTimeOriginal: '2026:11:29 08:15:00' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 11/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 3/1 0/1' },
      })
      .jpeg()
      .toBuffer();
    expect(await sharp(taken).metadata()).toMatchObject({ orientation: 6, width: 40, height: 20 });
    expect(taken.includes('ReporterPhone')).toBe(true);
    const res = await report(
      f.token,
      form({ description: '车间配电箱门未关' }, [{ name: 'IMG_0001.jpg', type: 'image/jpeg', bytes: taken }]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.handle.db
      .select()
      .from(schema.employeeReports)
      .where(eq(schema.employeeReports.id, await reportId(res.json().receiptCode)));
    const stored = await as(t.app, f.sessions.safety).get(`/api/v1/files/${row?.photos[0] ?? ''}`);
    expect(stored.statusCode).toBe(200);
    expect(stored.headers['content-type']).toBe('image/jpeg');
    const bytes = stored.rawPayload;
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 20, height: 40 }); // turned upright by its orientation tag
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(bytes.includes('ReporterPhone')).toBe(false);
    const [file] = await t.handle.db
      .select()
      .from(schema.files)
      .where(eq(schema.files.hash, row?.photos[0] ?? ''));
    expect(file?.size).toBe(bytes.length);
  });

  it('refuses a photo that looks like a JPEG but cannot be read, with a clear message', async () => {
    const f = await firm();
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 0x11)]);
    const res = await report(
      f.token,
      form({ description: '车间配电箱门未关' }, [{ name: 'broken.jpg', type: 'image/jpeg', bytes: broken }]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '照片“broken.jpg”无法读取，请重新拍摄' });
  });

  it('takes a multipart report with a real PNG without login and answers only a receipt code', async () => {
    const f = await firm();
    const res = await report(
      f.token,
      form({ description: '仓库消防通道堆放纸箱，堵住安全出口', location: '成品仓库', phone: '13912345678' }, [
        { name: 'photo.png', type: 'image/png', bytes: PNG },
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json())).toEqual(['receiptCode']);
    expect(res.json().receiptCode).toMatch(RECEIPT);
    const id = await reportId(res.json().receiptCode);
    const [row] = await t.handle.db.select().from(schema.employeeReports).where(eq(schema.employeeReports.id, id));
    expect(row).toMatchObject({ enterpriseId: f.enterprise.id, reporterUserId: null, reporterPhone: '13912345678', status: 'submitted' });
    expect(row?.photos).toHaveLength(1);
    const hash = row?.photos[0] ?? '';
    const [file] = await t.handle.db
      .select()
      .from(schema.files)
      .where(and(eq(schema.files.hash, hash), eq(schema.files.owner, f.enterprise.id)));
    expect(file).toMatchObject({ mime: 'image/png', uploadedBy: null });
    // The enterprise's people can open the photo.
    const photo = await as(t.app, f.sessions.safety).get(`/api/v1/files/${hash}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    // One audit row, anonymous, without the phone; the principal and safety manager are notified.
    const audit = await auditRowsOf(t.handle, res.headers['x-request-id']);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'employee_reports.submitted', actorId: null, entityId: id });
    expect(JSON.stringify(audit[0])).not.toContain('13912345678');
    const notified = await t.handle.db.select().from(schema.notifications).where(eq(schema.notifications.entityId, id));
    expect(notified.map((n) => n.userId).sort()).toEqual([f.principal.id, f.safety.id].sort());
    expect(JSON.stringify(notified)).not.toContain('13912345678');
  });

  it('takes a JSON report and records the signed-in reporter only when the session proves itself with its CSRF token', async () => {
    const f = await firm();
    const signed = await submitted(f, undefined, { session: f.sessions.staff });
    const cookieOnly = await submitted(f, undefined, { session: f.sessions.staff, csrf: false });
    const rows = await t.handle.db.select().from(schema.employeeReports).where(eq(schema.employeeReports.enterpriseId, f.enterprise.id));
    expect(rows.find((r) => r.id === signed.id)?.reporterUserId).toBe(f.staff.id);
    expect(rows.find((r) => r.id === cookieOnly.id)?.reporterUserId).toBeNull();
  });

  it('refuses an 8 MB non-image upload with a message naming the file and both problems, and stores nothing', async () => {
    const f = await firm();
    const before = await t.handle.db.select().from(schema.employeeReports).where(eq(schema.employeeReports.enterpriseId, f.enterprise.id));
    const res = await report(
      f.token,
      form({ description: '配电房门锁损坏' }, [{ name: '说明书.pdf', type: 'image/jpeg', bytes: Buffer.alloc(8 * MB, 0x41) }]),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('BODY_TOO_LARGE');
    expect(body.message).toContain('说明书.pdf');
    expect(body.message).toContain('不是 JPEG、PNG 或 WebP 格式的图片');
    expect(body.message).toContain('超过 5 MB');
    expect(await auditRowsOf(t.handle, res.headers['x-request-id'])).toHaveLength(0);
    const after = await t.handle.db.select().from(schema.employeeReports).where(eq(schema.employeeReports.enterpriseId, f.enterprise.id));
    expect(after).toHaveLength(before.length);
  });

  it('refuses a small non-image, an oversized image, a fourth photo, a long JSON body and bad fields, each with a clear message', async () => {
    const f = await firm();
    const pdf = await report(
      f.token,
      form({ description: '配电房门锁损坏' }, [
        { name: 'ok.png', type: 'image/png', bytes: PNG },
        { name: 'virus.exe', type: 'image/png', bytes: Buffer.from('MZ\x90\x00 not a picture') },
      ]),
    );
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '照片“virus.exe”不是 JPEG、PNG 或 WebP 格式的图片' });

    const bigPng = Buffer.concat([PNG, Buffer.alloc(6 * MB)]);
    const big = await report(f.token, form({ description: '配电房门锁损坏' }, [{ name: 'big.png', type: 'image/png', bytes: bigPng }]));
    expect(big.statusCode).toBe(400);
    expect(big.json().code).toBe('BODY_TOO_LARGE');
    expect(big.json().message).toBe('照片“big.png”超过 5 MB（每张照片不超过 5 MB）');

    const four = await report(
      f.token,
      form(
        { description: '配电房门锁损坏' },
        [1, 2, 3, 4].map((i) => ({ name: `${i}.png`, type: 'image/png', bytes: PNG })),
      ),
    );
    expect(four.statusCode).toBe(400);
    expect(four.json().message).toContain('最多上传 3 张照片');

    const long = await report(f.token, { description: '很长'.repeat(5000) });
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('BODY_TOO_LARGE');

    const empty = await report(f.token, { description: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('隐患描述至少 4 个字');
    const phone = await report(f.token, form({ description: '配电房门锁损坏', phone: '12345' }));
    expect(phone.statusCode).toBe(400);
    expect(phone.json().message).toBe('电话号码格式不正确');
    const unknown = await report(f.token, { description: '配电房门锁损坏', reporterName: '张三' } as Record<string, string>);
    expect(unknown.statusCode).toBe(400);

    expect((await report('NOSUCHTOKEN0000000000')).statusCode).toBe(404);
    expect((await report('not-a-token')).json().message).toContain('二维码已失效');
  });

  it('refuses a burst of 50 reports from one address after the limit, with RATE_LIMITED and a Chinese message', async () => {
    const f = await firm();
    const address = '198.51.100.7';
    const results = [];
    for (let i = 0; i < 50; i++) results.push(await report(f.token, { description: `连续报告第 ${i + 1} 条：地面油污` }, { address }));
    const accepted = results.filter((r) => r.statusCode === 200);
    const refused = results.filter((r) => r.statusCode === 429);
    expect(accepted).toHaveLength(5);
    expect(refused).toHaveLength(45);
    for (const r of refused) {
      expect(r.json().code).toBe('RATE_LIMITED');
      expect(r.json().message).toMatch(/^提交过于频繁：同一网络 10 分钟内最多提交 5 条隐患报告，请 \d+ 分钟后再试$/);
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    const stored = await t.handle.db.select().from(schema.employeeReports).where(eq(schema.employeeReports.ip, address));
    expect(stored).toHaveLength(5);
    // Another address is not affected.
    expect((await report(f.token, undefined, { address: '198.51.100.8' })).statusCode).toBe(200);
  });
});

describe('receipts, verification and rewards', () => {
  it('shows the reporter status, outcome and reward through the receipt code, without names or notes', async () => {
    const f = await firm();
    const { receiptCode, id } = await submitted(f, { description: '行车钢丝绳断股', location: '三号跨' });
    const look = (code: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/reports/receipt/${code}` });
    const pending = await look(receiptCode.replace('-', '').toLowerCase());
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json()).toMatchObject({ receiptCode, status: 'submitted', statusLabel: '待核实', outcome: null, rewardFen: null });

    await as(t.app, f.sessions.safety).post(`/api/v1/employee-reports/${id}/verify`, {
      outcome: 'true',
      note: '刘工现场核实，钢丝绳断股 3 处',
    });
    const early = await as(t.app, f.sessions.safety).post(`/api/v1/employee-reports/${id}/reward`, { grade: '较大', paidAt: '2020-01-01' });
    expect(early.json().message).toBe('发放日期不能早于报告提交日期');
    const paid = await as(t.app, f.sessions.safety).post(`/api/v1/employee-reports/${id}/reward`, {
      grade: '较大',
      paidAt: new Date().toISOString(),
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const done = (await look(receiptCode)).json();
    expect(done).toMatchObject({ status: 'confirmed', outcome: 'true', outcomeLabel: '属实', grade: '较大', rewardFen: 20000 });
    expect(done.rewardPaidAt).toBeTruthy();
    const text = JSON.stringify(done);
    for (const secret of ['刘工', '测试enterprise_safety_manager', f.safety.id, f.enterprise.id, f.enterprise.creditCode])
      expect(text).not.toContain(secret);

    const unknown = await look('ZZZZZ-ZZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('回执码不存在，请核对后重新输入');
    expect((await look('not-a-code')).statusCode).toBe(404);
  });

  it('turns a report found 属实 into exactly one linked general hazard; verifying again is refused', async () => {
    const f = await firm();
    const { id } = await submitted(f, undefined, { session: f.sessions.staff });
    const staffTry = await as(t.app, f.sessions.staff).post(`/api/v1/employee-reports/${id}/verify`, { outcome: 'true' });
    expect(staffTry.statusCode).toBe(403);

    const res = await as(t.app, f.sessions.safety).post(`/api/v1/employee-reports/${id}/verify`, {
      outcome: 'true',
      grade: '一般',
      note: '属实',
    });
    expect(res.statusCode, res.body).toBe(200);
    const dto = res.json();
    expect(dto).toMatchObject({ status: 'confirmed', statusLabel: '属实', grade: '一般', abilities: { verify: false, reward: true } });
    expect((await auditRowsOf(t.handle, res.headers['x-request-id'])).map((a) => a.action)).toEqual(['employee_reports.verified']);

    const again = await as(t.app, f.sessions.principal).post(`/api/v1/employee-reports/${id}/verify`, { outcome: 'true' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'STATE_CONFLICT', details: { status: 'confirmed' } });
    expect(await auditRowsOf(t.handle, again.headers['x-request-id'])).toHaveLength(0);

    const hazards = await t.handle.db
      .select()
      .from(schema.hazards)
      .where(and(eq(schema.hazards.source, 'employee_report'), eq(schema.hazards.sourceRef, id)));
    expect(hazards).toHaveLength(1);
    expect(hazards[0]).toMatchObject({
      id: dto.hazardId,
      enterpriseId: f.enterprise.id,
      level: 'general',
      status: 'pending_judgement',
      foundBy: null,
      description: '二车间配电箱门未关闭，线头裸露',
    });
    // The signed-in reporter is told the outcome.
    const told = await t.handle.db
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.userId, f.staff.id), eq(schema.notifications.entityId, id)));
    expect(told.map((n) => n.kind)).toEqual(['employee_report.verified']);
  });

  it('closes 不属实 and 重复 without a hazard, lets them be revised, and refuses a grade for them', async () => {
    const f = await firm();
    const { id } = await submitted(f);
    const url = `/api/v1/employee-reports/${id}/verify`;
    const graded = await as(t.app, f.sessions.safety).post(url, { outcome: 'false', grade: '一般' });
    expect(graded.statusCode).toBe(400);
    expect(graded.json().message).toBe('只有核实属实的报告才能评定等级');
    const unknownGrade = await as(t.app, f.sessions.safety).post(url, { outcome: 'true', grade: '特大' });
    expect(unknownGrade.statusCode).toBe(400);
    expect(unknownGrade.json().message).toBe('奖励等级「特大」不在本企业奖励标准中，可选：一般、较大、重大');

    const dup = await as(t.app, f.sessions.safety).post(url, { outcome: 'duplicate', note: '与上周报告重复' });
    expect(dup.json()).toMatchObject({
      status: 'duplicate',
      statusLabel: '重复',
      hazardId: null,
      abilities: { verify: true, reward: false },
    });
    const rewardDup = await as(t.app, f.sessions.safety).post(`/api/v1/employee-reports/${id}/reward`, { grade: '一般' });
    expect(rewardDup.statusCode).toBe(409);
    expect(rewardDup.json().message).toBe('只有核实属实的报告才能奖励');
    const revised = await as(t.app, f.sessions.principal).post(url, { outcome: 'true' });
    expect(revised.statusCode).toBe(200);
    expect(revised.json().hazardId).toBeTruthy();
  });

  it('records rewards in integer fen from the scale by grade, and locks them once paid', async () => {
    const f = await firm();
    const amounts: Record<string, number> = {};
    for (const grade of ['一般', '较大', '重大']) {
      const { id } = await submitted(f);
      await as(t.app, f.sessions.safety).post(`/api/v1/employee-reports/${id}/verify`, { outcome: 'true' });
      const res = await as(t.app, f.sessions.safety).post(`/api/v1/employee-reports/${id}/reward`, { grade });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ grade, rewardPaidAt: null, abilities: { reward: true } });
      amounts[grade] = res.json().rewardFen;
    }
    expect(amounts).toEqual({ 一般: 5000, 较大: 20000, 重大: 100000 });

    // The ledger filters by grade and by reporting day (Shanghai days, both bounds inclusive).
    const today = shanghaiDate(t.clock.now());
    const yesterday = shanghaiDate(new Date(t.clock.now().getTime() - 86_400_000));
    const list = (query: string) =>
      as(t.app, f.sessions.safety)
        .get(`/api/v1/employee-reports?enterpriseId=${f.enterprise.id}&${query}`)
        .then((r) => r.json() as { items: { grade: string | null }[]; total: number });
    expect((await list('grade=较大')).items.map((r) => r.grade)).toEqual(['较大']);
    expect((await list(`from=${today}&to=${today}`)).total).toBe(3);
    expect((await list(`to=${yesterday}`)).total).toBe(0);
    const badDay = await as(t.app, f.sessions.safety).get('/api/v1/employee-reports?from=2026-13-01');
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().details.issues[0].message).toBe('开始日期格式应为 YYYY-MM-DD');

    // The principal changes the scale: new rewards follow it, recorded ones keep their amount.
    const { id } = await submitted(f);
    await as(t.app, f.sessions.principal).call('PUT', `/api/v1/enterprises/${f.enterprise.id}/report-settings`, {
      rewardScale: [
        { grade: '一般', amountFen: 8800 },
        { grade: '特别重大', amountFen: 500000 },
      ],
    });
    await as(t.app, f.sessions.principal).post(`/api/v1/employee-reports/${id}/verify`, { outcome: 'true' });
    const url = `/api/v1/employee-reports/${id}/reward`;
    const gone = await as(t.app, f.sessions.principal).post(url, { grade: '较大' });
    expect(gone.statusCode).toBe(400);
    expect(gone.json().message).toContain('可选：一般、特别重大');
    const future = await as(t.app, f.sessions.principal).post(url, { grade: '一般', paidAt: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toBe('发放日期不能晚于今天');
    const badDate = await as(t.app, f.sessions.principal).post(url, { grade: '一般', paidAt: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);

    const paid = await as(t.app, f.sessions.principal).post(url, { grade: '特别重大', paidAt: new Date().toISOString() });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ grade: '特别重大', rewardFen: 500000, abilities: { reward: false } });
    expect(Number.isInteger(paid.json().rewardFen)).toBe(true);
    const audit = await auditRowsOf(t.handle, paid.headers['x-request-id']);
    expect(audit.map((a) => a.action)).toEqual(['employee_reports.rewarded']);
    expect(audit[0]?.after).toMatchObject({ grade: '特别重大', rewardFen: 500000 });
    const twice = await as(t.app, f.sessions.principal).post(url, { grade: '一般' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('奖励已发放，不能再修改');
  });
});

describe("the reporter's identity", () => {
  it('is hidden from staff, the safety manager and the township, and shown to the principal and the bureau', async () => {
    const f = await firm();
    const phone = '13687654321';
    const { id: signedId, receiptCode: signedReceipt } = await submitted(
      f,
      { description: '喷漆房排风机不转', location: '喷漆房', phone },
      { session: f.sessions.staff },
    );
    const { id: anonId, receiptCode: anonReceipt } = await submitted(f, { description: '叉车倒车报警器损坏', phone: '13511112222' });
    await as(t.app, f.sessions.safety).post(`/api/v1/employee-reports/${signedId}/verify`, { outcome: 'true' });
    const township = await login(
      t.app,
      (await createUser(t.handle, 'township_officer', { regionId: (await regionByCode(t.handle, '140404001')).id })).username,
    );

    const secrets = [phone, '13511112222', f.staff.id, '测试enterprise_staff', signedReceipt, anonReceipt];
    for (const [who, session] of [
      ['staff', f.sessions.staff],
      ['safety', f.sessions.safety],
      ['township', township],
    ] as const) {
      const bodies = [
        await as(t.app, session).get(`/api/v1/employee-reports?enterpriseId=${f.enterprise.id}&pageSize=200`),
        await as(t.app, session).get(`/api/v1/employee-reports/${signedId}`),
        await as(t.app, session).get(`/api/v1/employee-reports/${anonId}`),
      ];
      for (const res of bodies) {
        expect(res.statusCode, `${who}: ${res.body}`).toBe(200);
        for (const secret of secrets) expect(res.body, `${who} sees ${secret}`).not.toContain(secret);
      }
      const detail = bodies[1]?.json();
      expect(detail).toMatchObject({ identityHidden: true, reporterUserId: null, reporterName: null, reporterPhone: null });
      expect(detail.receiptCode).toMatch(/^\*{5}-\*\*[0-9A-Z]{3}$/);
      expect(bodies[0]?.json().items).toHaveLength(2);
    }
    // The safety manager's verification answer does not reveal it either.
    const verified = await as(t.app, f.sessions.safety).post(`/api/v1/employee-reports/${anonId}/verify`, { outcome: 'false' });
    for (const secret of secrets) expect(verified.body).not.toContain(secret);

    for (const session of [f.sessions.principal, officer]) {
      const signed = (await as(t.app, session).get(`/api/v1/employee-reports/${signedId}`)).json();
      expect(signed).toMatchObject({
        identityHidden: false,
        reporterUserId: f.staff.id,
        reporterName: '测试enterprise_staff',
        reporterPhone: phone,
        receiptCode: signedReceipt,
      });
      const anon = (await as(t.app, session).get(`/api/v1/employee-reports/${anonId}`)).json();
      expect(anon).toMatchObject({ identityHidden: false, reporterUserId: null, reporterName: null, reporterPhone: '13511112222' });
    }
  });

  it("keeps another enterprise's reports out of reach (404) and out of its lists", async () => {
    const a = await firm();
    const b = await firm('140404101');
    const { id } = await submitted(a);
    for (const call of [
      () => as(t.app, b.sessions.principal).get(`/api/v1/employee-reports/${id}`),
      () => as(t.app, b.sessions.principal).post(`/api/v1/employee-reports/${id}/verify`, { outcome: 'true' }),
      () => as(t.app, b.sessions.principal).post(`/api/v1/employee-reports/${id}/reward`, { grade: '一般' }),
    ]) {
      const res = await call();
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    const list = (await as(t.app, b.sessions.principal).get('/api/v1/employee-reports?pageSize=200')).json();
    expect(list.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect(list.items.every((r: { enterpriseId: string }) => r.enterpriseId === b.enterprise.id)).toBe(true);
    // The bureau acts on nobody's behalf: it reads, the enterprise verifies.
    const bureau = await as(t.app, officer).post(`/api/v1/employee-reports/${id}/verify`, { outcome: 'true' });
    expect(bureau.statusCode).toBe(403);
  });
});
