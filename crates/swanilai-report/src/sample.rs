//! Fixtures for tests and the `render` example: a realistic kabupaten (Indeks SPBE
//! 2,77, Baik, from domain indices 2,60 / 3,20 / 2,09 / 2,83, a 25-person team) and
//! an instansi pusat with every optional part missing.
//! Shared by `src/tests.rs` and `examples/render.rs` (included by path there).

use super::{DocumentData, GroupLine, Person, Program, TeamLine};

fn group(number: u32, name: &str, index: &str, rating: &str) -> GroupLine {
    GroupLine {
        number,
        name: name.to_string(),
        index_text: Some(index.to_string()),
        rating: Some(rating.to_string()),
    }
}

const TEAM: [(&str, &str, &str, &str); 25] = [
    (
        "Ir. Hendra Gunawan, M.T.",
        "197203151998031004",
        "Penanggung Jawab",
        "Dinas Komunikasi dan Informatika",
    ),
    (
        "Rina Marlina, S.Kom., M.Kom.",
        "198305122009022003",
        "Pelaksana Entri Data",
        "Dinas Komunikasi dan Informatika",
    ),
    (
        "Agus Setiawan, S.T.",
        "198011022006041007",
        "Anggota",
        "Bagian Organisasi Setda",
    ),
    (
        "Dra. Sri Wahyuni",
        "196908211994032005",
        "Anggota",
        "Bagian Hukum Setda",
    ),
    (
        "Muhammad Rizki Pratama, S.Kom.",
        "199104172015031002",
        "Anggota",
        "Dinas Komunikasi dan Informatika",
    ),
    (
        "Dewi Lestari, S.E., M.Si.",
        "198207302008012011",
        "Anggota",
        "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    ),
    (
        "Bambang Hermawan, S.Sos.",
        "197512032001121003",
        "Anggota",
        "Badan Keuangan dan Aset Daerah",
    ),
    (
        "Nurul Hidayati, S.H.",
        "198609142010012019",
        "Anggota",
        "Bagian Hukum Setda",
    ),
    (
        "Yusuf Maulana, S.Kom.",
        "199002282014021001",
        "Anggota",
        "Dinas Komunikasi dan Informatika",
    ),
    (
        "Siti Aminah, S.AP.",
        "198501092009022006",
        "Anggota",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    ),
    (
        "Eko Prasetyo, S.T., M.Eng.",
        "197810252005011004",
        "Anggota",
        "Dinas Komunikasi dan Informatika",
    ),
    (
        "Fitri Handayani, S.IP.",
        "198812042011012008",
        "Anggota",
        "Bagian Pengadaan Barang/Jasa Setda",
    ),
    (
        "Dedi Kurniawan, S.E.",
        "197906132003121005",
        "Anggota",
        "Inspektorat Daerah",
    ),
    (
        "Lina Marliana, S.Sos., M.AP.",
        "198103202006042010",
        "Anggota",
        "Dinas Kearsipan dan Perpustakaan",
    ),
    (
        "Andi Saputra, A.Md.",
        "199207082019031006",
        "Anggota",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    ),
    (
        "Ratna Sari Dewi, S.Kom.",
        "198704262010012014",
        "Anggota",
        "Dinas Kependudukan dan Pencatatan Sipil",
    ),
    (
        "Hadi Susanto, S.Pd., M.M.",
        "197602112000031008",
        "Anggota",
        "Bagian Perekonomian dan Sumber Daya Alam Setda",
    ),
    (
        "Wulan Septiani, S.Stat.",
        "199409232019022004",
        "Anggota",
        "Dinas Komunikasi dan Informatika",
    ),
    (
        "Rudi Hartono, S.H., M.H.",
        "197708192002121004",
        "Anggota",
        "Satuan Polisi Pamong Praja",
    ),
    (
        "Maya Anggraini, S.Psi.",
        "198911302014032007",
        "Anggota",
        "Bagian Organisasi Setda",
    ),
    (
        "Irfan Hakim, S.Kom.",
        "199305052020121009",
        "Anggota",
        "Rumah Sakit Umum Daerah Sukamaju",
    ),
    (
        "Yanti Susilawati, S.E., Ak.",
        "198402182009022012",
        "Anggota",
        "Badan Keuangan dan Aset Daerah",
    ),
    (
        "Fajar Nugroho, S.T.",
        "199008162015031003",
        "Anggota",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
    ),
    (
        "Ani Rahmawati, S.KM.",
        "198605222011012015",
        "Anggota",
        "Dinas Kesehatan",
    ),
    (
        "Teguh Santoso, S.Kom.",
        "199512012022031001",
        "Anggota",
        "Dinas Komunikasi dan Informatika",
    ),
];

/// Pemerintah Kabupaten Sukamaju, assessment 2026, signed Monday 23 November 2026.
pub fn kabupaten() -> DocumentData {
    let team = TEAM
        .iter()
        .map(|(name, nip, role, unit)| TeamLine {
            name: (*name).to_string(),
            nip: (*nip).to_string(),
            role: (*role).to_string(),
            unit: (*unit).to_string(),
        })
        .collect();
    DocumentData {
        instansi: "Pemerintah Kabupaten Sukamaju".to_string(),
        instansi_kind: "kabupaten".to_string(),
        address: "Jalan Jenderal Sudirman Nomor 1, Sukamaju 43211, Telepon (0263) 512345, \
                  Laman setda.sukamajukab.go.id"
            .to_string(),
        year: 2026,
        date: (2026, 11, 23),
        place: "Sukamaju".to_string(),
        coordinator: Person {
            name: "Drs. H. Asep Suryana, M.Si.".to_string(),
            nip: "196801011990031001".to_string(),
            title: "Sekretaris Daerah Kabupaten Sukamaju".to_string(),
        },
        supervisor: Some(Person {
            name: "Ir. Hendra Gunawan, M.T.".to_string(),
            nip: "197203151998031004".to_string(),
            title: "Kepala Dinas Komunikasi dan Informatika".to_string(),
        }),
        team,
        index_name: "Indeks SPBE".to_string(),
        index_text: Some("2,77".to_string()),
        rating: Some("Baik".to_string()),
        answered: 47,
        total: 47,
        domains: vec![
            group(1, "Kebijakan Internal SPBE", "2,60", "Baik"),
            group(2, "Tata Kelola SPBE", "3,20", "Baik"),
            group(3, "Manajemen SPBE", "2,09", "Cukup"),
            group(4, "Layanan SPBE", "2,83", "Baik"),
        ],
        aspects: vec![
            group(1, "Kebijakan Internal Tata Kelola SPBE", "2,60", "Baik"),
            group(2, "Perencanaan Strategis SPBE", "3,25", "Baik"),
            group(3, "Teknologi Informasi dan Komunikasi", "3,00", "Baik"),
            group(4, "Penyelenggara SPBE", "3,50", "Sangat Baik"),
            group(5, "Penerapan Manajemen SPBE", "2,25", "Cukup"),
            group(6, "Pelaksanaan Audit TIK", "1,66", "Kurang"),
            group(
                7,
                "Layanan Administrasi Pemerintahan Berbasis Elektronik",
                "3,00",
                "Baik",
            ),
            group(8, "Layanan Publik Berbasis Elektronik", "2,57", "Cukup"),
        ],
        framework_title: "PermenPANRB 59/2020".to_string(),
        audit_head: String::new(),
        meterai: true,
        program: Program::default(),
    }
}

/// An instansi pusat under a framework without domains, nothing answered yet,
/// no team entered and no place: every optional part missing.
pub fn empty_pusat() -> DocumentData {
    DocumentData {
        instansi: "Kementerian Contoh".to_string(),
        instansi_kind: "instansi_pusat".to_string(),
        year: 2026,
        date: (2026, 6, 1),
        index_name: "Indeks Pemerintah Digital".to_string(),
        total: 20,
        aspects: vec![GroupLine {
            number: 1,
            name: "Aspek Satu".to_string(),
            ..GroupLine::default()
        }],
        framework_title: "PermenPANRB 8/2026".to_string(),
        audit_head: String::new(),
        ..DocumentData::default()
    }
}
