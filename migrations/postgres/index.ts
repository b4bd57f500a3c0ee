import * as migration_20261124_121037_initial from './20261124_121037_initial';

export const migrations = [
  {
    up: migration_20261124_121037_initial.up,
    down: migration_20261124_121037_initial.down,
    name: '20261124_121037_initial'
  },
];
