internal import GRDB

/// The store's schema, as a list of named migrations.
///
/// RULE: a migration that has shipped is never edited, renamed or removed. Every change to the database schema
/// is a new migration appended at the end (`v2-…`, `v3-…`). Migrations use plain SQL only, never application
/// types, so they keep working as the Swift code changes. A store that holds a migration name this list does
/// not know was written by a newer nianjian and is refused (see ``StoreError/Kind/newerVersion``).
enum StoreMigrations {
  /// The names of the migrations, in order (the store's schema version is the last one applied).
  static var names: [String] { migrator.migrations }

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-submissions-values-findings", migrate: createVersion1)
    return migrator
  }

  /// Version 1: submissions, their findings, stored values (current or superseded) and revisions.
  ///
  /// Numbers are stored as REAL (an IEEE double, exactly the value read) next to the raw text of the cell; a
  /// missing value has `kind = 'missing'` and its reason, never a 0; a text answer has `kind = 'text'`.
  @Sendable private static func createVersion1(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE submission (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          kind TEXT NOT NULL CHECK (kind IN ('return', 'history')),
          file_name TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          department TEXT NOT NULL,
          year INTEGER NOT NULL,
          received_at TEXT NOT NULL,
          outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'accepted_with_warnings', 'rejected')),
          error_count INTEGER NOT NULL,
          warning_count INTEGER NOT NULL,
          info_count INTEGER NOT NULL,
          schema_version TEXT NOT NULL,
          template_id TEXT,
          identification TEXT NOT NULL
        );
        CREATE INDEX submission_by_sha256 ON submission(sha256);
        CREATE INDEX submission_by_year ON submission(year, department);

        CREATE TABLE finding (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          submission_id INTEGER NOT NULL REFERENCES submission(id),
          position INTEGER NOT NULL,
          severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
          rule TEXT NOT NULL,
          indicator_code TEXT,
          sheet TEXT,
          cell TEXT,
          value TEXT,
          message_zh TEXT NOT NULL,
          message_en TEXT NOT NULL,
          explained INTEGER NOT NULL CHECK (explained IN (0, 1)),
          UNIQUE (submission_id, position)
        );

        CREATE TABLE value (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          submission_id INTEGER NOT NULL REFERENCES submission(id),
          indicator_code TEXT NOT NULL,
          year INTEGER NOT NULL,
          department TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('number', 'text', 'missing')),
          number REAL CHECK ((kind = 'number') = (number IS NOT NULL)),
          text TEXT CHECK ((kind = 'text') = (text IS NOT NULL)),
          missing_reason TEXT CHECK ((kind = 'missing') = (missing_reason IS NOT NULL)),
          sheet TEXT NOT NULL,
          cell TEXT NOT NULL,
          raw_text TEXT NOT NULL,
          explanation TEXT,
          data_source TEXT,
          schema_version TEXT NOT NULL,
          is_current INTEGER NOT NULL CHECK (is_current IN (0, 1))
        );
        CREATE UNIQUE INDEX value_current ON value(indicator_code, year, department) WHERE is_current = 1;
        CREATE INDEX value_by_submission ON value(submission_id);
        CREATE INDEX value_by_year ON value(year, indicator_code);

        CREATE TABLE revision (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          indicator_code TEXT NOT NULL,
          year INTEGER NOT NULL,
          department TEXT NOT NULL,
          old_value_id INTEGER NOT NULL REFERENCES value(id),
          new_value_id INTEGER NOT NULL REFERENCES value(id),
          submission_id INTEGER NOT NULL REFERENCES submission(id)
        );
        CREATE INDEX revision_by_year ON revision(year, indicator_code);
        """)
  }
}
