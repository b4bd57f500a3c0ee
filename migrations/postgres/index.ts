import * as migration_20261124_123634_initial from './20261124_123634_initial';

export const migrations = [
  {
    up: migration_20261124_123634_initial.up,
    down: migration_20261124_123634_initial.down,
    name: '20261124_123634_initial'
  },
];
