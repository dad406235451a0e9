// Lookups from ids to display names, for lists and the timeline.
import type { NameOf } from '../logic/conflict-diff.ts';
import { useAuthorities, useUsers } from '../queries.ts';

export function useUserName(): NameOf {
  const users = useUsers();
  return (id) => {
    if (id === null) return 'nicht zugewiesen';
    return users.data?.find((user) => user.id === id)?.displayName ?? id;
  };
}

export function useAuthorityName(): NameOf {
  const authorities = useAuthorities();
  return (id) => {
    if (id === null) return '–';
    return authorities.data?.find((authority) => authority.id === id)?.name ?? id;
  };
}
