// The GraphQL-over-HTTP audit of graphql-http (https://github.com/graphql/graphql-http): every
// server audit, run against the live server given as the first argument; prints one JSON line per
// audit ({id, name, status, reason}) and nothing else.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// the package is a dev dependency of the admin UI (admin-ui/node_modules)
const adminUi = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'admin-ui');
const { serverAudits } = createRequire(path.join(adminUi, 'package.json'))('graphql-http');

const url = process.argv[2];
const audits = serverAudits({ url, fetchFn: fetch });
for (const audit of audits) {
  const result = await audit.fn();
  console.log(JSON.stringify({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? '' }));
}
