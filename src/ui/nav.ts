import { createContext, useContext } from 'react';

/** How screens ask the shell to move: every navigation goes through here, never through shared state. */
export interface Navigator {
  openCard(cardId: string, section?: string): void;
  /** The card in place of the current screen (the quiz's summary hands over to the section to reread). */
  replaceWithCard(cardId: string, section?: string): void;
  /** The simulator on its own, at the scenario list or at one scenario. */
  openSimulator(scenarioId?: string): void;
  /** A card with one of its scenarios beside it (tabs on a narrow terminal). */
  openCardWithScenario(cardId: string, scenarioId: string): void;
  openQuiz(cardId?: string): void;
  openStats(): void;
  /** The previous screen; from the first screen, out of the app. */
  back(): void;
  quit(code?: number): void;
  showHelp(): void;
}

/** The navigator of the running app. */
export const NavigatorContext = createContext<Navigator | undefined>(undefined);

/** The app's navigator. */
export function useNavigator(): Navigator {
  const nav = useContext(NavigatorContext);
  if (!nav) throw new Error('useNavigator outside <App>');
  return nav;
}
