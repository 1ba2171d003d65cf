import type { Mode } from '../contracts/mode';
import type { Persona } from '../contracts/persona';
import type { PersonaAt } from './persona';
import { personaActions } from './persona-actions';
import { isoDay, personaLists } from './persona-lists';

/**
 * The persona with its list items and action confirmations as of the day `asOf`. The board is drawn
 * the first time `lists` or `actions` is read (the dashboard's payload, a mode event), not when the
 * persona is handed out: a chat turn reads only the figures, and a first-time visitor's board is
 * the largest piece of a turn's own CPU. Both are ordinary enumerable properties to every reader
 * (JSON, spreads, zod), computed once.
 */
export function withBoard(mode: Mode, persona: Persona, asOf: Date): Persona {
  if (!mode.lists?.length && !mode.actions?.length) return persona;
  let board: Pick<Persona, 'lists' | 'actions'> | undefined;
  const draw = () => {
    if (board) return board;
    const lists = personaLists(mode, persona, asOf);
    return (board = { lists, actions: personaActions(mode, persona, asOf, lists) });
  };
  const { lists: _lists, actions: _actions, ...figures } = persona;
  return Object.defineProperties(figures, {
    lists: { enumerable: true, get: () => draw().lists },
    actions: { enumerable: true, get: () => draw().actions },
  });
}

/** Boards kept per mode object; a day's worth of seeds for a busy demo. */
const BOARDS_PER_MODE = 64;

/**
 * `personaAt` whose personas carry their lists and actions, remembered per mode object, seed and
 * day: the monthly figures come from the memoised persona, while the items' dates follow the day
 * (a trip "tomorrow" stays tomorrow in a long-running process).
 */
export function boardMemo(personaAt: PersonaAt): PersonaAt {
  const byMode = new WeakMap<Mode, Map<string, Persona>>();
  return (mode, seed, asOf) => {
    const base = personaAt(mode, seed, asOf);
    const key = `${seed}@${isoDay(asOf)}`;
    let boards = byMode.get(mode);
    if (!boards) byMode.set(mode, (boards = new Map<string, Persona>()));
    let persona = boards.get(key);
    // A new month's base persona (new object) replaces the board drawn from the old one.
    if (!persona || persona.series !== base.series) {
      persona = withBoard(mode, base, asOf);
      if (boards.size >= BOARDS_PER_MODE) boards.delete(boards.keys().next().value!);
      boards.set(key, persona);
    }
    return persona;
  };
}
