import type { Mode } from '../../contracts/mode';
import { outputFindings } from './injection';
import { presentationProblems } from './presentation-problems';

/** Every human-readable string of a mode, labelled by where it sits (for the rejection reason). */
function textFields(mode: Mode): Array<[string, string]> {
  return [
    ['name', mode.name],
    ['companyName', mode.companyName],
    ['tagline', mode.tagline],
    ['welcome', mode.welcome],
    ['persona.role', mode.persona.role],
    ...mode.vocabulary.map((v, i): [string, string] => [`vocabulary[${i}]`, v]),
    ...mode.tabs.map((t): [string, string] => [`tab ${t.id}`, t.label]),
    ...(mode.lists ?? []).map((l): [string, string] => [`list ${l.id}`, l.title]),
    ...(mode.actions ?? []).map((a): [string, string] => [`action ${a.id}`, a.label]),
    ...mode.metrics.flatMap((m): Array<[string, string]> => [
      [`metric ${m.id}`, m.label],
      ...(m.phrasings ?? []).map((p, i): [string, string] => [`metric ${m.id} phrasing[${i}]`, p]),
    ]),
    ...mode.datasets.flatMap((d): Array<[string, string]> => [
      [`dataset ${d.id}`, d.label],
      ...d.keywords.map((k, i): [string, string] => [`dataset ${d.id} keyword[${i}]`, k]),
      ...(d.phrasings ?? []).map((p, i): [string, string] => [`dataset ${d.id} phrasing[${i}]`, p]),
    ]),
  ];
}

/**
 * Problems that keep a generated mode out of storage: instruction-like text or echoes of the
 * system prompt in any field (docs/pitfalls.md 9.1), and lists or actions that do not hold together.
 * The words in these fields later reach the system prompt, so this is the last gate before they could.
 */
export function generatedModeProblems(mode: Mode): string[] {
  return [
    ...textFields(mode).flatMap(([where, text]) => {
      const findings = outputFindings(text);
      return findings.length ? [`${where}: ${findings.join(', ')}`] : [];
    }),
    ...presentationProblems(mode),
  ];
}
