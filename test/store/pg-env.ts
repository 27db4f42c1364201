/** The PostgreSQL and Redis the tests (and the cluster benchmark) run against: they live in `tools/`. */
export { createTestSchema, requireRedis, TEST_DATABASE_URL, TEST_REDIS_URL, type TestSchema } from '../../tools/pg-env.js';
