import * as migration_20261124_114619_initial from './20261124_114619_initial';

export const migrations = [
  {
    up: migration_20261124_114619_initial.up,
    down: migration_20261124_114619_initial.down,
    name: '20261124_114619_initial'
  },
];
