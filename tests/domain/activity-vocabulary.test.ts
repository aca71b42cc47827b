import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema/activities';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from '../../app/domain/activity';
import { SIGNUP_STATUSES } from '../../app/domain/signup';

// The schema may import nothing, so the activity vocabulary is written twice: in the domain, which
// decides, and in the schema, which stores. This keeps the two lists the same.
describe('activity vocabulary: domain and schema agree', () => {
  it('has the same fourteen types', () => {
    expect([...schema.ACTIVITY_TYPES]).toEqual([...ACTIVITY_TYPES]);
    expect(ACTIVITY_TYPES).toHaveLength(14);
  });
  it('has the same activity and sign-up statuses', () => {
    expect([...schema.ACTIVITY_STATUSES]).toEqual([...ACTIVITY_STATUSES]);
    expect([...schema.SIGNUP_STATUSES]).toEqual([...SIGNUP_STATUSES]);
  });
});
