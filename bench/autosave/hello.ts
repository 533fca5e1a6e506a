// Bare Fastify hello-world, the reference for what this machine's HTTP stack can do.
import Fastify from 'fastify';

const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(JSON.stringify({ url }) + '\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
