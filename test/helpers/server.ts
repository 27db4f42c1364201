/** The real server in this process and the REST caller, shared with the benchmarks: they live in `tools/`. */
export { callApi, OPERATOR_TOKEN, type ApiAnswer } from '../../tools/api.js';
export { startServer, type TestServer } from '../../tools/server.js';
