// Pre-formatted lines of text, one <Text> each. The text is already fitted to the width by the pure
// line builders; ink only wraps what is meant to wrap (an error message, a question).
import { Box, Text } from 'ink';

export function Lines({ lines, width }: { lines: readonly string[]; width?: number }) {
  if (lines.length === 0) return null;
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, index) => (
        <Text key={index}>{line === '' ? ' ' : line}</Text>
      ))}
    </Box>
  );
}
