import { levelJsonSchema } from './schema';

/** The JSON Schema file as committed in levels/schema.json. */
export const levelJsonSchemaText = (): string =>
  `${JSON.stringify({ title: 'Red Lines level', ...(levelJsonSchema() as object) }, null, 2)}\n`;
