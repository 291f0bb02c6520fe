import type { ServiceDeps } from '../../services/deps.ts';
import type { ApiRoute } from '../api-route.ts';

export function importRoutes(_deps: ServiceDeps): ApiRoute[] {
  return [];
}
