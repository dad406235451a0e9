// Jurisdiction (Zuständigkeit): which authority must process a service for a given place.
import type { Authority, Place, Service } from '../../../src-shared/index.ts';
import { assertNever } from '../../../src-shared/index.ts';

export type RoutingResult =
  | { ok: true; authority: Authority }
  | { ok: false; reason: 'unknown_place' | 'no_authority' };

export function routeApplication(
  service: Service,
  place: Place | null,
  authorities: ReadonlyMap<string, Authority>,
): RoutingResult {
  if (!place) return { ok: false, reason: 'unknown_place' };

  let authorityId: string;
  switch (service.level) {
    case 'municipal':
      authorityId = place.municipalAuthorityId;
      break;
    case 'district':
      authorityId = place.districtAuthorityId;
      break;
    default:
      return assertNever(service.level, 'responsible level');
  }

  const authority = authorities.get(authorityId);
  return authority ? { ok: true, authority } : { ok: false, reason: 'no_authority' };
}
