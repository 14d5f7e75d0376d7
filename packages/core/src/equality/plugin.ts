/** retext-equality for the opt-in `equality` pack, in a module of its own so that a bundle loads it only when the pack is on. */
import retextEquality from 'retext-equality';
import type { Processor } from 'unified';

export function useEquality(processor: Processor): void {
  // Every pattern stays on; the clinical ignore list (context.yml) is applied to the messages afterwards.
  processor.use(retextEquality, { ignore: [] });
}
