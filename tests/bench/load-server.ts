// One sync server instance for the load bench, as its own process (like a production instance):
// PostgreSQL at DATABASE_URL (already migrated by the bench), listening on 127.0.0.1:PORT. It exits
// when its parent does, so a bench that dies never leaves it behind.
import { createServer } from '../../server/app';
import { createPostgresDb } from '../../server/db/postgres';
import { listen } from '../../server/http';

const db = createPostgresDb(process.env.DATABASE_URL ?? '', 20);
const server = createServer({ db, heartbeatSeconds: 5 });
const http = await listen(server, Number(process.env.PORT), '127.0.0.1');
console.log(`load server on ${http.url}`);
const stop = async () => {
  await http.close();
  await server.close();
  await db.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());
