// The question waiting for the operator, with the keys that answer it. Key presses are read by the
// view's one input hook (see LiveView): this component only draws.
import { Box, Text } from 'ink';
import type { Style } from '../../core/style';
import type { Question } from './live-store';
import { promptLines } from './prompt-lines';
import { wrapText } from './text';

export function Prompt({ questions, width, style }: { questions: readonly Question[]; width: number; style: Style }) {
  const lines = promptLines(questions, width, style);
  if (!lines) return null;
  return (
    <Box flexDirection="column" width={width} marginTop={1}>
      {wrapText(lines.question, width).map((line, index) => (
        <Text key={`q${index}`}>{line}</Text>
      ))}
      {lines.rest.map((line, index) => (
        <Text key={index}>{line}</Text>
      ))}
    </Box>
  );
}
