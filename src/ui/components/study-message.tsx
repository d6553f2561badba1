import { Box, Text } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import { useNavigator } from '../nav.js';

/** A study screen's one-line state (loading, nothing to do, a problem), with Esc to go back and ? for help. */
export function StudyMessage({ message, live }: { message: string; live: () => boolean }) {
  const nav = useNavigator();
  useKeys('message', ({ action }) => (action === 'back' ? nav.back() : nav.showHelp()), { isActive: live });
  return (
    <Box flexDirection="column">
      <Text>{message}</Text>
      <Text dimColor>Esc goes back.</Text>
    </Box>
  );
}
