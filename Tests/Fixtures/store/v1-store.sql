PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1-submissions-values-findings');
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
INSERT INTO submission VALUES(1,'history','历史数据.csv','7ba8161a43d570fff040bc83d350ffaac808a4489c17bb1079f15f71a7729a65','history',2025,'2026-11-25T15:53:01Z','accepted',0,0,0,'77a80928a2f9de7d59f5d365841cede463844cf6981599294ef8d6c8caa9d835','history','unidentified');
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
INSERT INTO value VALUES(1,1,'T-HE-01',2024,'history','number',96.0,NULL,NULL,'CSV','C2','96',NULL,NULL,'77a80928a2f9de7d59f5d365841cede463844cf6981599294ef8d6c8caa9d835',1);
INSERT INTO value VALUES(2,1,'T-HE-01',2025,'history','number',96.25,NULL,NULL,'CSV','C3','96.25','快报数',NULL,'77a80928a2f9de7d59f5d365841cede463844cf6981599294ef8d6c8caa9d835',1);
INSERT INTO value VALUES(3,1,'T-HE-02',2025,'history','missing',NULL,NULL,'no_data','CSV','C4','—',NULL,NULL,'77a80928a2f9de7d59f5d365841cede463844cf6981599294ef8d6c8caa9d835',1);
CREATE TABLE revision (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  indicator_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  department TEXT NOT NULL,
  old_value_id INTEGER NOT NULL REFERENCES value(id),
  new_value_id INTEGER NOT NULL REFERENCES value(id),
  submission_id INTEGER NOT NULL REFERENCES submission(id)
);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('submission',1);
INSERT INTO sqlite_sequence VALUES('value',3);
CREATE INDEX submission_by_sha256 ON submission(sha256);
CREATE INDEX submission_by_year ON submission(year, department);
CREATE UNIQUE INDEX value_current ON value(indicator_code, year, department) WHERE is_current = 1;
CREATE INDEX value_by_submission ON value(submission_id);
CREATE INDEX value_by_year ON value(year, indicator_code);
CREATE INDEX revision_by_year ON revision(year, indicator_code);
COMMIT;
