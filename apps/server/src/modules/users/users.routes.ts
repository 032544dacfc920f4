import { createUserBody, idParams, listResponse, resetPasswordBody, updateUserBody, userDto, userListQuery } from '@zhiben/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/context.js';
import * as users from './users.service.js';

export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.route({
    method: 'GET',
    url: '/api/v1/users',
    config: { permission: 'users.read' },
    schema: { tags, summary: '用户列表', querystring: userListQuery, response: { 200: listResponse(userDto) } },
    handler: (request) => users.list(contextOf(request), request.query),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/users',
    config: { permission: 'users.create' },
    schema: { tags, summary: '新建用户', body: createUserBody, response: { 200: userDto } },
    handler: (request) => users.create(contextOf(request), request.body, app.demo),
  });
  r.route({
    method: 'GET',
    url: '/api/v1/users/:id',
    config: { permission: 'users.read', entity: 'user' },
    schema: { tags, summary: '用户详情', params: idParams, response: { 200: userDto } },
    handler: (request) => users.get(contextOf(request), request.params.id),
  });
  r.route({
    method: 'PATCH',
    url: '/api/v1/users/:id',
    config: { permission: 'users.update', entity: 'user' },
    schema: {
      tags,
      summary: '修改用户（姓名、角色、所属、电话、启停）',
      params: idParams,
      body: updateUserBody,
      response: { 200: userDto },
    },
    handler: (request) => users.update(contextOf(request), request.params.id, request.body),
  });
  r.route({
    method: 'POST',
    url: '/api/v1/users/:id/reset-password',
    config: { permission: 'users.reset_password', entity: 'user' },
    schema: { tags, summary: '重置密码（并解除锁定）', params: idParams, body: resetPasswordBody, response: { 200: userDto } },
    handler: (request) => users.resetPassword(contextOf(request), request.params.id, request.body.newPassword, app.demo),
  });
}
