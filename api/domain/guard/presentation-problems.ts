import type { Mode } from '../../contracts/mode';

/**
 * Lists and actions that do not hold together: an id used twice, or a tab that names a list the
 * mode does not have (it would open on nothing). Kinds and lengths are the contract's job (zod).
 */
export function presentationProblems(mode: Mode): string[] {
  const problems: string[] = [];
  const listIds = (mode.lists ?? []).map((l) => l.id);
  const actionIds = (mode.actions ?? []).map((a) => a.id);
  for (const [what, ids] of [
    ['list', listIds],
    ['action', actionIds],
  ] as const) {
    for (const d of new Set(ids.filter((x, i) => ids.indexOf(x) !== i))) problems.push(`${what} id ${d} is used twice`);
  }
  for (const t of mode.tabs)
    for (const id of t.listIds ?? []) if (!listIds.includes(id)) problems.push(`tab ${t.id} names unknown list ${id}`);
  return problems;
}
