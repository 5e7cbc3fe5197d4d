//! Store tests on real database files.

use super::*;

fn open_temp() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("t.db"), OpenMode::Create).unwrap();
    (dir, store)
}

#[test]
fn schema_snapshot_is_the_committed_one() {
    // A changed schema must come with a new migration and an updated snapshot, never an
    // edit of a shipped migration. Update with: UPDATE_SNAPSHOTS=1 cargo test -p swanilai-store
    let (_d, store) = open_temp();
    let actual = schema::dump(store.conn()).unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/schema.snapshot.sql");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        actual, expected,
        "schema differs from src/schema.snapshot.sql"
    );
}

#[test]
fn pragmas_are_set_on_open() {
    let (_d, store) = open_temp();
    let c = store.conn();
    let fk: i64 = c
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        (fk, mode.as_str(), version),
        (1, "wal", schema::latest_version())
    );
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.db");
    drop(Store::open(&path, OpenMode::Create).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let err = Store::open(&path, OpenMode::Existing).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer Swanilai"), "{err}");
    let c = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 99, "refusing must not migrate or rewrite the file");
}

#[test]
fn a_foreign_file_is_not_taken_for_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(
        &text,
        "this is not sqlite at all, just some text that is long enough",
    )
    .unwrap();
    let err = Store::open(&text, OpenMode::Existing).unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE x (a)")
        .unwrap();
    let err = Store::open(&other, OpenMode::Existing).unwrap_err();
    assert!(err.to_string().contains("another program"), "{err}");
    let missing = dir.path().join("missing.db");
    assert!(matches!(
        Store::open(&missing, OpenMode::Existing),
        Err(StoreError::Missing(_))
    ));
    assert!(
        !missing.exists(),
        "opening an existing-only database must not create it"
    );
}

#[test]
fn the_schema_refuses_levels_outside_one_to_five() {
    let (_d, store) = open_temp();
    let c = store.conn();
    frameworks::ensure(
        c,
        &frameworks::FrameworkRow {
            id: "f".into(),
            version: "1".into(),
            catalog_json: "{}".into(),
        },
        "2026-01-01T00:00:00Z",
    )
    .unwrap();
    let a = assessments::insert(c, 2026, "f", "1", "v", "2026-01-01T00:00:00Z").unwrap();
    // A Level above 5 cannot be built; the schema's CHECK also refuses one written by hand.
    let by_hand = c.execute(
        "INSERT INTO answer (assessment_id, indicator, level, explanation, owner, status, author, updated_at)
         VALUES (?1, 1, 6, '', '', 'draft', '', 't')",
        [a.id],
    );
    assert!(by_hand.is_err(), "level 6 must violate the CHECK");
    let mut row = answers::AnswerRow::blank(1);
    row.level = Some(swanilai_core::Level::new(5).unwrap());
    row.updated_at = "t".into();
    answers::upsert(c, a.id, &row).unwrap();
    assert_eq!(answers::get(c, a.id, 1).unwrap().unwrap().level, row.level);
}

#[test]
fn a_failed_transaction_leaves_nothing_behind() {
    let (_d, mut store) = open_temp();
    let result: std::result::Result<(), StoreError> = store.transaction(|tx, _| {
        frameworks::ensure(
            tx,
            &frameworks::FrameworkRow {
                id: "f".into(),
                version: "1".into(),
                catalog_json: "{}".into(),
            },
            "t",
        )?;
        assessments::insert(tx, 2026, "f", "1", "v", "t")?;
        assessments::insert(tx, 2026, "f", "1", "v", "t")?; // duplicate year
        Ok(())
    });
    assert!(result.is_err());
    assert!(assessments::list(store.conn()).unwrap().is_empty());
    assert!(frameworks::list(store.conn()).unwrap().is_empty());
}

/// A stored file recorded in the `blob` table, as a use case would leave it.
fn stored(store: &Store, dir: &std::path::Path, content: &[u8]) -> String {
    let src = dir.join("src.bin");
    std::fs::write(&src, content).unwrap();
    let info = store.blobs().ingest(&src).unwrap();
    evidence::ensure_blob(
        store.conn(),
        &info.sha256,
        info.size,
        "application/pdf",
        "t",
    )
    .unwrap();
    info.sha256
}

#[test]
fn leftovers_of_an_interrupted_add_are_swept_on_open_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let store = Store::open(&db, OpenMode::Create).unwrap();
    let kept = stored(&store, dir.path(), b"%PDF-1.4 recorded");
    drop(store);
    let ev = evidence_dir(&db);
    // What kill -9 leaves: a temporary copy, and a file renamed into place whose row never
    // committed; plus a file the store did not write.
    let temp = ev.join(".incoming-AbC123");
    std::fs::write(&temp, vec![7u8; 4096]).unwrap();
    let orphan_sha = "cd".repeat(32);
    std::fs::create_dir_all(ev.join("cd")).unwrap();
    let orphan = ev.join("cd").join(&orphan_sha);
    std::fs::write(&orphan, b"never recorded").unwrap();
    let foreign = ev.join("cd").join("catatan.txt");
    std::fs::write(&foreign, b"someone's note").unwrap();

    // While a writer holds the store, the sweep keeps off.
    let hold = BlobStore::new(ev.clone()).hold().unwrap();
    let store = Store::open(&db, OpenMode::Existing).unwrap();
    assert!(
        temp.exists() && orphan.exists(),
        "nothing swept under a hold"
    );
    let known = evidence::blob_shas(store.conn()).unwrap();
    let kinds: Vec<StrayKind> = store
        .blobs()
        .strays(&known)
        .unwrap()
        .into_iter()
        .map(|s| s.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            StrayKind::Incoming,
            StrayKind::Foreign,
            StrayKind::Unrecorded
        ]
    );
    drop((hold, store));

    let store = Store::open(&db, OpenMode::Existing).unwrap();
    assert!(
        !temp.exists() && !orphan.exists(),
        "the store's own leftovers are gone"
    );
    assert!(
        foreign.exists(),
        "a file of another naming is never removed"
    );
    assert_eq!(store.blobs().check(&kept).unwrap(), BlobState::Intact);
    let strays = store
        .blobs()
        .strays(&evidence::blob_shas(store.conn()).unwrap())
        .unwrap();
    assert_eq!(strays.len(), 1);
    assert_eq!(strays[0].path, foreign);
}

#[test]
fn check_tells_damaged_from_missing_while_streaming() {
    let (dir, store) = open_temp();
    let sha = stored(&store, dir.path(), &vec![1u8; 3 * 1024 * 1024]);
    assert_eq!(store.blobs().check(&sha).unwrap(), BlobState::Intact);
    let path = store.blobs().path_of(&sha);
    std::fs::write(&path, vec![2u8; 3 * 1024 * 1024]).unwrap();
    assert_eq!(store.blobs().check(&sha).unwrap(), BlobState::Damaged);
    let mut copy = Vec::new();
    let err =
        std::io::Read::read_to_end(&mut store.blobs().open_verified(&sha).unwrap(), &mut copy)
            .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(store.blobs().check(&sha).unwrap(), BlobState::Missing);
}

#[test]
fn a_read_only_open_reads_writes_nothing_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    {
        let mut store = Store::open(&db, OpenMode::Create).unwrap();
        store
            .transaction(|tx, _| instansi::upsert(tx, &sample_instansi()))
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let mut store = Store::open(&db, OpenMode::ReadOnly).unwrap();
    assert!(store.read_only().is_some());
    assert!(instansi::get(store.conn()).unwrap().is_some(), "reads work");
    let err = store
        .transaction(|tx, _| instansi::upsert(tx, &sample_instansi()))
        .unwrap_err();
    assert!(err.is_read_only(), "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");
    drop(store);
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is unchanged");

    // A database that needs a migration cannot be upgraded read-only: refused, saying so.
    {
        let store = Store::open(&db, OpenMode::Existing).unwrap();
        store.conn().pragma_update(None, "user_version", 1).unwrap();
    }
    let err = Store::open(&db, OpenMode::ReadOnly).unwrap_err();
    assert!(
        err.is_read_only() && err.to_string().contains("upgrade"),
        "{err}"
    );
}

fn sample_instansi() -> instansi::InstansiRow {
    instansi::InstansiRow {
        name: "Pemerintah Kabupaten Uji".into(),
        kind: "kabupaten".into(),
        coordinator_name: String::new(),
        coordinator_nip: String::new(),
        address: String::new(),
        created_at: "2026-01-01T00:00:00Z".into(),
    }
}

#[test]
fn decimal_values_external_values_and_butir_keep_their_type() {
    use swanilai_core::butir::{ButirState, ButirStatus, RevisiKind};
    use swanilai_core::Value;
    let (_d, store) = open_temp();
    let c = store.conn();
    let now = "2026-01-01T00:00:00Z";
    frameworks::ensure(
        c,
        &frameworks::FrameworkRow {
            id: "f".into(),
            version: "1".into(),
            catalog_json: "{}".into(),
        },
        now,
    )
    .unwrap();
    let a = assessments::insert(c, 2026, "f", "1", "v", now).unwrap();
    let v = Value::parse("2.35").unwrap();
    use values::ValueSource::{Assessor, SelfAssessed};
    values::put(c, a.id, SelfAssessed, 3, Some(v), "sari", now).unwrap();
    values::put(
        c,
        a.id,
        Assessor,
        3,
        Some(Value::parse("2").unwrap()),
        "sari",
        now,
    )
    .unwrap();
    assert_eq!(
        values::get(c, a.id, SelfAssessed, 3)
            .unwrap()
            .map(|r| r.value),
        Some(v)
    );
    assert_eq!(
        values::list(c, a.id, Assessor).unwrap()[0]
            .value
            .hundredths(),
        200,
        "kept apart"
    );
    values::put(c, a.id, SelfAssessed, 3, None, "sari", now).unwrap();
    assert_eq!(values::get(c, a.id, SelfAssessed, 3).unwrap(), None);
    for bad in [
        "INSERT INTO indicator_value VALUES (?1, 1, 'self', 501, '', 't')",
        "INSERT INTO indicator_value VALUES (?1, 1, 'simulasi', 200, '', 't')",
        "INSERT INTO butir_status VALUES (?1, 'X', 1, 'diterima', 'tidak_tepat', '', '', 't')",
        "INSERT INTO external_value VALUES (?1, 5, 200, 'SDI', '  ', NULL, '', 't')",
    ] {
        assert!(
            c.execute(bad, [a.id]).is_err(),
            "the schema must refuse: {bad}"
        );
    }
    let row = butir::ButirRow {
        butir: "GT.I1_L2_1".into(),
        indicator: 1,
        state: ButirState::new(
            ButirStatus::Revisi,
            Some(RevisiKind::TidakTepat),
            "SK belum".into(),
        )
        .unwrap(),
        author: "sari".into(),
        updated_at: now.into(),
    };
    butir::put(c, a.id, &row).unwrap();
    assert_eq!(butir::list(c, a.id, Some(1)).unwrap(), [row]);
    assert!(butir::list(c, a.id, Some(2)).unwrap().is_empty());
    assert!(
        c.execute("UPDATE stage_value SET value_h = 99", [])
            .is_err(),
        "a hand edit below 1.00 is refused by the CHECK"
    );
}

#[test]
fn a_59_2020_database_of_schema_4_migrates_with_its_rows_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    // The columns a table had at schema 4: later migrations may add columns (NULL for old
    // rows), never change the old ones.
    let columns = |c: &rusqlite::Connection, table: &str| -> String {
        let s = c.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let names: Vec<String> = s.column_names().map(|n| format!("\"{n}\"")).collect();
        names.join(", ")
    };
    let mut kept = std::collections::HashMap::new();
    let mut dump = |c: &rusqlite::Connection| -> Vec<String> {
        let mut out = Vec::new();
        for table in ["assessment", "answer", "evidence", "framework"] {
            let cols = kept
                .entry(table)
                .or_insert_with(|| columns(c, table))
                .clone();
            let mut s = c.prepare(&format!("SELECT {cols} FROM {table}")).unwrap();
            let n = s.column_count();
            let rows = s
                .query_map([], |r| {
                    let cells: Vec<String> = (0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect();
                    Ok(format!("{table}: {}", cells.join(" | ")))
                })
                .unwrap();
            out.extend(rows.map(|r| r.unwrap()));
        }
        out
    };
    let before = {
        // A database as the previous release left it: migrations 1-4 only.
        let c = rusqlite::Connection::open(&path).unwrap();
        for (i, sql) in schema::MIGRATIONS.iter().take(4).enumerate() {
            c.execute_batch(sql).unwrap();
            c.pragma_update(None, "user_version", i as i64 + 1).unwrap();
        }
        c.pragma_update(None, "application_id", schema::APPLICATION_ID)
            .unwrap();
        c.execute_batch(
            "INSERT INTO framework VALUES ('permenpanrb-59-2020', '2020.1', '{}', 't');
             INSERT INTO assessment (year, framework_id, framework_version, criteria_version, created_at)
                 VALUES (2025, 'permenpanrb-59-2020', '2020.1', 'pedoman-3-2024', 't');
             INSERT INTO answer (assessment_id, indicator, level, explanation, owner, status, author, updated_at)
                 VALUES (1, 7, 3, 'FAKTA: Perbup', '', 'approved', 'sari', 't');",
        )
        .unwrap();
        dump(&c)
    };
    drop(Store::open(&path, OpenMode::Existing).unwrap());
    let c = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, schema::latest_version());
    assert_eq!(
        dump(&c),
        before,
        "the migrations add tables and columns, nothing else"
    );
}

#[test]
fn the_assessors_values_of_schema_6_become_the_final_stage() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v6.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        for (i, sql) in schema::MIGRATIONS.iter().take(6).enumerate() {
            c.execute_batch(sql).unwrap();
            c.pragma_update(None, "user_version", i as i64 + 1).unwrap();
        }
        c.pragma_update(None, "application_id", schema::APPLICATION_ID)
            .unwrap();
        c.execute_batch(
            "INSERT INTO framework VALUES ('pemdi-2026', '2026.1', '{}', 't');
             INSERT INTO assessment (year, framework_id, framework_version, criteria_version, created_at)
                 VALUES (2026, 'pemdi-2026', '2026.1', 'v', 't');
             INSERT INTO indicator_value VALUES (1, 4, 'self', 250, 'sari', 't1');
             INSERT INTO indicator_value VALUES (1, 4, 'assessor', 225, 'budi', 't2');",
        )
        .unwrap();
    }
    let store = Store::open(&path, OpenMode::Existing).unwrap();
    let c = store.conn();
    let final_stage = stages::of_stage(c, 1, swanilai_core::Stage::Final).unwrap();
    assert_eq!(final_stage.len(), 1);
    let r = &final_stage[0];
    assert_eq!(
        (
            r.indicator,
            r.value.hundredths(),
            r.author.as_str(),
            r.updated_at.as_str()
        ),
        (4, 225, "budi", "t2")
    );
    use values::ValueSource::{Assessor, SelfAssessed};
    assert_eq!(
        values::list(c, 1, Assessor).unwrap()[0].value.hundredths(),
        225
    );
    assert_eq!(
        values::list(c, 1, SelfAssessed).unwrap()[0]
            .value
            .hundredths(),
        250
    );
    let left: i64 = c
        .query_row("SELECT count(*) FROM indicator_value", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 1, "moved, not copied");
}
