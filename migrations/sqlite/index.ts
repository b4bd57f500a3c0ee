import * as migration_20261124_105354_initial from './20261124_105354_initial';

export const migrations = [
  {
    up: migration_20261124_105354_initial.up,
    down: migration_20261124_105354_initial.down,
    name: '20261124_105354_initial'
  },
];
