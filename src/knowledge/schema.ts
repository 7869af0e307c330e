import * as z from 'zod';

const text = z.string().trim().min(1);
const id = z.string().regex(/^[A-Za-z0-9-]+$/, 'use letters, digits and hyphens only');

export const sourceSchema = z.strictObject({
  id,
  title: text,
  publisher: text,
  author: text.optional(),
  author_role: text.optional(),
  year: z.number().int().optional(),
  file: text,
});

export const footnoteSchema = z.strictObject({
  id,
  applies_to: text,
  text,
  source: id,
});

export const missionSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z]+$/, 'a mission id is its acronym in capitals'),
    name: text,
    where: text,
    kind: z.enum(['peacekeeping operation', 'special political mission']),
    status: z.enum(['active', 'closed', 'succeeded']),
    ended: text.optional(),
    successor: text.optional(),
    facts_source: id,
    names: z.array(text),
    achievements: z.array(z.strictObject({ text, source: id })),
    footnotes: z.array(id).default([]),
    asks: z.array(text).default([]),
  })
  .superRefine((mission, ctx) => {
    if (mission.status !== 'active' && !mission.ended) {
      ctx.addIssue({ code: 'custom', path: ['ended'], message: `a ${mission.status} mission needs "ended" (its end date)` });
    }
    if (mission.status === 'active' && mission.ended) {
      ctx.addIssue({
        code: 'custom',
        path: ['ended'],
        message: 'an active mission has no end date: remove "ended" or change "status"',
      });
    }
    if ((mission.status === 'succeeded') !== Boolean(mission.successor)) {
      ctx.addIssue({
        code: 'custom',
        path: ['successor'],
        message: '"successor" goes with status "succeeded", and only with it',
      });
    }
  });

const entryFields = {
  id,
  title: text,
  source: id,
  keywords: z.array(text).default([]),
  footnotes: z.array(id).default([]),
  asks: z.array(text).default([]),
};

export const topicSchema = z.strictObject({
  ...entryFields,
  /** Offered first to a new colleague, as a suggested prompt in the assistant panel. */
  welcome: z.boolean().default(false),
});

export const storySchema = z.strictObject({
  ...entryFields,
  missions: z.array(z.string()).min(1),
  country: text,
  places: z.array(text).default([]),
  figures: z.array(text).default([]),
});
