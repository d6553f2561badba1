import type { Glossary } from '../../core/quiz/answers/glossary.js';
import { loadGlossary } from '../../io/glossary-file.js';
import { cardSources } from '../cards/card-library.js';
import type { StudyContext } from './study-context.js';

/** The glossary of every card folder (bundled, each --content folder, the user's), each unusable line told as a warning. */
export function loadStudyGlossary(study: StudyContext): Glossary {
  const dirs = cardSources(study.environment).map((source) => source.dir);
  const { glossary, problems } = loadGlossary(dirs, study.environment.paths.cache);
  for (const problem of problems) {
    const where = problem.line === undefined ? problem.path : `${problem.path}:${problem.line}`;
    study.warn(`warning: ${where}: ${problem.rule}: ${problem.message} (line skipped)`);
  }
  return glossary;
}
