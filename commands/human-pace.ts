// Questions to a person run at human pace: under --sim the virtual clock follows the real one while a
// prompt waits, so the RTO is charged the seconds the operator really took, and nothing else is.
import type { OperatorPort } from '../src/core/operator';

export function humanPaced(operator: OperatorPort, atHumanPace: (() => () => void) | undefined): OperatorPort {
  if (!atHumanPace) return operator;
  const paced = async <T>(ask: () => Promise<T>): Promise<T> => {
    const release = atHumanPace();
    try {
      return await ask();
    } finally {
      release();
    }
  };
  return {
    approve: (request, signal) => paced(() => operator.approve(request, signal)),
    confirmStep: (question, signal) => paced(() => operator.confirmStep(question, signal)),
  };
}
