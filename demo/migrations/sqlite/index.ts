import * as migration_20261124_123626_initial from './20261124_123626_initial';
import * as migration_20261126_134000_search_indexes from './20261126_134000_search_indexes';
import * as migration_20261126_134618_event_cancelled from './20261126_134618_event_cancelled';
import * as migration_20261126_170000_word_index from './20261126_170000_word_index';
import * as migration_20261202_005727_hardening from './20261202_005727_hardening';
import * as migration_20261202_050048_records_pages_media from './20261202_050048_records_pages_media';
import * as migration_20261202_215500_locale_parent_indexes from './20261202_215500_locale_parent_indexes';

export const migrations = [
  {
    up: migration_20261124_123626_initial.up,
    down: migration_20261124_123626_initial.down,
    name: '20261124_123626_initial',
  },
  {
    up: migration_20261126_134000_search_indexes.up,
    down: migration_20261126_134000_search_indexes.down,
    name: '20261126_134000_search_indexes',
  },
  {
    up: migration_20261126_134618_event_cancelled.up,
    down: migration_20261126_134618_event_cancelled.down,
    name: '20261126_134618_event_cancelled',
  },
  {
    up: migration_20261126_170000_word_index.up,
    down: migration_20261126_170000_word_index.down,
    name: '20261126_170000_word_index',
  },
  {
    up: migration_20261202_005727_hardening.up,
    down: migration_20261202_005727_hardening.down,
    name: '20261202_005727_hardening',
  },
  {
    up: migration_20261202_050048_records_pages_media.up,
    down: migration_20261202_050048_records_pages_media.down,
    name: '20261202_050048_records_pages_media'
  },
  {
    up: migration_20261202_215500_locale_parent_indexes.up,
    down: migration_20261202_215500_locale_parent_indexes.down,
    name: '20261202_215500_locale_parent_indexes',
  },
];
