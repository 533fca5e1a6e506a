import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { gradeSubmissionSchema, submitProjectSchema } from '../../../core/api/contracts.ts';
import { FILE_LIMITS } from '../../../core/projects/accept-file.ts';
import { AppError, badRequest } from '../../errors.ts';
import { requireUser } from '../../plugins/auth-plugin.ts';
import type { ProjectService, UploadedFile } from '../../services/project-service.ts';
import { validate } from '../../validate.ts';

const projectParams = z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,80}$/, 'is not a project id') });
const uuidParams = z.strictObject({ id: z.string().uuid('is not an id') });
const examQuery = z.strictObject({ exam: z.string().min(1).max(40) });

/** Reads a multipart submission: the fields `exam`, `text`, `link` (repeated) and up to 5 files, each within its size limit. */
async function readSubmission(req: FastifyRequest): Promise<{ fields: unknown; files: UploadedFile[] }> {
  if (!req.isMultipart()) throw badRequest('Send a submission as multipart/form-data (fields exam, text, link; files).');
  const fields: { exam?: string; text: string; links: string[] } = { text: '', links: [] };
  const files: UploadedFile[] = [];
  try {
    for await (const part of req.parts({ limits: { files: FILE_LIMITS.files, fileSize: FILE_LIMITS.bytesPerFile, fields: 30, fieldSize: 100_000 } })) {
      if (part.type === 'file') {
        if (!part.filename) {
          await part.toBuffer();
          continue;
        }
        try {
          files.push({ name: part.filename, bytes: await part.toBuffer() });
        } catch (e) {
          if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'too-large', `"${part.filename}" is larger than ${FILE_LIMITS.bytesPerFile / 1024 / 1024} MB.`, { field: 'files' });
          throw e;
        }
      } else if (part.fieldname === 'link') {
        if (String(part.value).trim()) fields.links.push(String(part.value).trim());
      } else if (part.fieldname === 'exam' || part.fieldname === 'text') fields[part.fieldname] = String(part.value);
      else throw badRequest(`Unknown field "${part.fieldname}" in the submission.`);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw new AppError(413, 'too-large', `A submission carries at most ${FILE_LIMITS.files} files.`, { field: 'files' });
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw badRequest('The submission has too many fields.');
    throw e;
  }
  return { fields, files };
}

/** Practical projects: the briefs, a candidate's submissions and their files, and the tutors' grading (who may call each: `route-access.ts`). */
export async function projectRoutes(app: FastifyInstance, opts: { projects: ProjectService }): Promise<void> {
  await app.register(fastifyMultipart, { limits: { files: FILE_LIMITS.files, fileSize: FILE_LIMITS.bytesPerFile } });
  app.get('/api/projects', async (req) => opts.projects.list(requireUser(req), validate(examQuery, req.query, 'query').exam));
  app.get('/api/projects/:id', async (req) => opts.projects.view(requireUser(req), validate(projectParams, req.params, 'address').id, validate(examQuery, req.query, 'query').exam));
  app.post('/api/projects/:id/submissions', { bodyLimit: FILE_LIMITS.totalBytes + 1024 * 1024 }, async (req, reply) => {
    const user = requireUser(req);
    const { id } = validate(projectParams, req.params, 'address');
    const { fields, files } = await readSubmission(req);
    return reply.code(201).send(await opts.projects.submit(user, id, validate(submitProjectSchema, fields), files));
  });
  app.get('/api/project-files/:id', async (req, reply) => {
    const file = await opts.projects.file(requireUser(req), validate(uuidParams, req.params, 'address').id);
    const image = file.media_type.startsWith('image/');
    // Never rendered as a page: a download (images shown inline), its type fixed at upload, sandboxed.
    return reply
      .type(file.media_type)
      .header('content-disposition', `${image ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(file.data));
  });
  app.get('/api/project-submissions', async (req) => opts.projects.queue(requireUser(req)));
  app.get('/api/project-submissions/:id', async (req) => opts.projects.forGrader(requireUser(req), validate(uuidParams, req.params, 'address').id));
  app.post('/api/project-submissions/:id/grade', async (req) => opts.projects.grade(requireUser(req), validate(uuidParams, req.params, 'address').id, validate(gradeSubmissionSchema, req.body)));
}
