//! The store's rows as the package format's values and back.

use swanilai_core::merge::AnswerState;
use swanilai_package as pkg;
use swanilai_store::answers::AnswerRow;
use swanilai_store::comments::CommentRow;
use swanilai_store::evidence::EvidenceRow;

pub(super) fn to_answer(r: &AnswerRow) -> pkg::Answer {
    pkg::Answer {
        indicator: r.indicator,
        level: r.level,
        explanation: r.explanation.clone(),
        service_name: r.service_name.clone(),
        owner: r.owner.clone(),
        status: r.status,
        author: r.author.clone(),
        updated_at: r.updated_at.clone(),
    }
}

pub(super) fn from_answer(a: &pkg::Answer) -> AnswerRow {
    AnswerRow {
        indicator: a.indicator,
        level: a.level,
        explanation: a.explanation.clone(),
        service_name: a.service_name.clone(),
        owner: a.owner.clone(),
        status: a.status,
        author: a.author.clone(),
        updated_at: a.updated_at.clone(),
    }
}

/// What the merge compares of an answer.
pub(super) fn state(r: &AnswerRow) -> AnswerState {
    AnswerState {
        level: r.level,
        explanation: r.explanation.clone(),
        service_name: r.service_name.clone(),
        owner: r.owner.clone(),
        status: r.status,
    }
}

pub(super) fn to_comment(c: &CommentRow) -> pkg::Comment {
    pkg::Comment {
        indicator: c.indicator,
        author: c.author.clone(),
        kind: c.kind,
        body: c.body.clone(),
        created_at: c.created_at.clone(),
    }
}

pub(super) fn to_evidence(e: &EvidenceRow) -> pkg::Evidence {
    pkg::Evidence {
        indicator: e.indicator,
        name: e.name.clone(),
        sha256: e.sha256.clone(),
        size: e.size,
        media_type: e.media_type.clone(),
        url: e.url.clone(),
        note: e.note.clone(),
        document_date: e.document_date.clone(),
        added_at: e.added_at.clone(),
        added_by: e.added_by.clone(),
    }
}
