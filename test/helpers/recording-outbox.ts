// An Outbox that only remembers what was enqueued, for service tests that assert the messages
// themselves. It does not take part in the transaction: assert on committed outcomes only.
import type { OutboundMessage, Outbox } from '../../src/outbox/outbox.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';

export interface RecordingOutbox extends Outbox {
  messages: OutboundMessage[];
}

export function createRecordingOutbox(): RecordingOutbox {
  const messages: OutboundMessage[] = [];
  return {
    messages,
    async enqueue(_tx, message) {
      messages.push(message);
    },
    async enqueueMany(_tx, batch) {
      messages.push(...batch);
    },
  };
}

/** The test file's deps with a fresh recording outbox. */
export function withRecordingOutbox(deps: ServiceDeps): { deps: ServiceDeps; outbox: RecordingOutbox } {
  const outbox = createRecordingOutbox();
  return { deps: { ...deps, outbox }, outbox };
}
