import * as migration_20261124_114027_initial from './20261124_114027_initial';

export const migrations = [
  {
    up: migration_20261124_114027_initial.up,
    down: migration_20261124_114027_initial.down,
    name: '20261124_114027_initial'
  },
];
