import type { ServiceDeps } from '../deps.ts';
import { sessionIdOf } from './create-session.ts';

export async function endSession(deps: ServiceDeps, token: string): Promise<void> {
  await deps.db.session.deleteMany({ where: { id: sessionIdOf(token) } });
}
