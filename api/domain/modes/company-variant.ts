import { Mode } from '../../contracts/mode';
import { generatedModeProblems } from '../guard/mode-output';
import { GenerationRejected } from './generation/build-mode';

/**
 * A pre-built mode under a company's name ("a bank called Acme Federal"): the same industry, tabs,
 * datasets, KPIs, theme and voice, with the company's name wherever the base names its own company
 * (header and initials mark read `companyName`; the welcome and tagline are rewritten here; the
 * assistant's name and the system prompt follow from `companyName`). Nothing is designed, so it is
 * ready the moment the tool call arrives. `companyName` must already have passed
 * `sanitizeModeRequest`; the finished mode goes through the same schema and output checks as a
 * generated one before anything stores it.
 */
export function companyVariant(base: Mode, key: string, companyName: string): Mode {
  const rename = (text: string) => text.split(base.companyName).join(companyName);
  const candidate: Mode = {
    ...base,
    id: key,
    companyName,
    // Stored in Blob beside the base like any generated mode; the catalogue serves only generated ones from there.
    source: 'generated',
    tagline: rename(base.tagline),
    welcome: rename(base.welcome),
  };
  const parsed = Mode.safeParse(candidate);
  if (!parsed.success)
    throw new GenerationRejected(parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`));
  const problems = generatedModeProblems(parsed.data);
  if (problems.length) throw new GenerationRejected(problems);
  return parsed.data;
}
