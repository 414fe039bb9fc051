import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  checkout,
  ledger,
  setupProblemStores,
} from '../__testUtils__/problemStores';

jest.setTimeout(60_000);

const databases = createTestDatabases();

describe('problem stores', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const setup = () => setupProblemStores(databases, databaseId);

    it('finds similar open incidents of a service in the database', async () => {
      const { similar, report } = await setup();
      const latency = await report({ title: 'Checkout latency above 2s' });
      const timeouts = await report({
        title: 'Payment step times out',
        description: 'checkout requests hit the gateway timeout',
      });
      await report({ title: 'Checkout latency again', status: 'resolved' });
      await report({ title: 'Checkout latency', affectedServices: [ledger] });
      await report({ title: 'Checkout latency', category: 'availability' });

      const ids = await similar.find({
        entityRef: checkout,
        text: 'Checkout latency is high',
        category: 'performance',
        limit: 5,
      });
      expect(ids[0]).toBe(latency.id);
      expect(ids).toEqual([latency.id, timeouts.id]);
      expect(
        await similar.find({ entityRef: checkout, text: 'of the', limit: 5 }),
      ).toEqual([]);
    });
  });
});
