import * as migration_20261124_123626_initial from './20261124_123626_initial';

export const migrations = [
  {
    up: migration_20261124_123626_initial.up,
    down: migration_20261124_123626_initial.down,
    name: '20261124_123626_initial'
  },
];
