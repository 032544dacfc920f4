import type { ReactNode } from 'react';
import { type Access, canAccess } from './access';
import { ForbiddenPage } from './ErrorPages';
import { useSession } from './session';

/** A page the user may not open shows 403 in place (the URL stays, the menu stays). */
export function RequireAccess({ access, children }: { access: Access; children: ReactNode }) {
  const me = useSession();
  return canAccess(me, access) ? children : <ForbiddenPage />;
}
