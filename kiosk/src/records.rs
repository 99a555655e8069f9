//! The record of processing activities (GDPR article 30) for the municipality's register,
//! written from the same facts as the privacy notice: the kiosk's settings (what is kept and for
//! how long, whether texts and booking from home are on) and the site's `[privacy]` (who is
//! responsible, the legal basis). `omtanke-kiosk records` prints it as Markdown or CSV.

use omtanke::config::Privacy;

use crate::config::Config;

/// One purpose the daemon processes data for.
struct Purpose {
    name: &'static str,
    data: String,
    subjects: &'static str,
    basis: String,
    recipients: String,
    retention: String,
}

fn purposes(config: &Config, privacy: Option<&Privacy>) -> Vec<Purpose> {
    let basis = privacy
        .and_then(|p| p.legal_basis.clone())
        .unwrap_or_else(|| "(ej ifylld: legal_basis under [privacy] i site.toml)".into());
    let anonymous = "Inga personuppgifter: anonymt".to_string();
    let gateway = config
        .sms
        .as_ref()
        .map(|s| crate::web::hosts::host_name(crate::web::hosts::authority(&s.url)).to_string());
    let texted = |base: &str| match &gateway {
        Some(g) => format!("{base}; sms-tjänsten {g} (personuppgiftsbiträde) får telefonnummer och meddelandets text"),
        None => base.to_string(),
    };
    let days = config.retention_days;
    let mut out = vec![
        Purpose {
            name: "Räkna besök (incheckning)",
            data: "Timme för besöket och, om besökaren svarar, om det är första besöket".into(),
            subjects: "Besökare i pratcaféet",
            basis: anonymous.clone(),
            recipients: "Ingen".into(),
            retention: "Sparas som statistik".into(),
        },
        Purpose {
            name: "Boka plats i en grupp",
            data: "Förnamn eller smeknamn; telefonnummer om besökaren vill".into(),
            subjects: "Besökare som bokar, och den personalen bokar åt",
            basis: basis.clone(),
            recipients: texted("Personalen i pratcaféet"),
            retention: format!("Tas bort {days} dagar efter träffen"),
        },
    ];
    if config.inbox_token.is_some() || config.inbox.is_some() {
        out.push(Purpose {
            name: "Anmälan hemifrån",
            data: "Förnamn eller smeknamn; telefonnummer om den boende vill; en länk till anmälan".into(),
            subjects: "Boende som anmäler sig på webbplatsen",
            basis: basis.clone(),
            recipients: "Webbplatsens server (inkorgen) tills caféets dator har hämtat anmälan".into(),
            retention: format!(
                "Namn och nummer tas bort i inkorgen när caféet har hämtat dem; anmälan och länken efter {days} dagar"
            ),
        });
    }
    if let Some(g) = &gateway {
        out.push(Purpose {
            name: "Sms om bokningar",
            data: "Telefonnummer; meddelandets text med aktivitet, tid och adress".into(),
            subjects: "Besökare som har bokat och lämnat sitt nummer",
            basis: basis.clone(),
            recipients: format!("Sms-tjänsten {g} (personuppgiftsbiträde)"),
            retention: format!("Tas bort {days} dagar efter träffen, som bokningen"),
        });
    }
    out.push(Purpose {
        name: "Förslag till anslagstavlan",
        data: "Förslagets text och förnamn (publiceras om förslaget godkänns); telefon eller e-post om den boende vill"
            .into(),
        subjects: "Boende som föreslår en aktivitet",
        basis,
        recipients: "Personalen; förslaget och förnamnet publiceras på webbplatsen om det godkänns".into(),
        retention: format!(
            "Telefon och e-post tas bort {} dagar efter beslutet, liksom förslag som inte godkänns",
            config.suggestion_contact_days
        ),
    });
    out.push(Purpose {
        name: "Enkät om ensamhet",
        data: "Svaren och vilken månad, utan namn, tid eller incheckning".into(),
        subjects: "Besökare som svarar",
        basis: anonymous,
        recipients: "Personalen ser bara månadens sammanräkning, när minst tio har svarat".into(),
        retention: "Sparas som statistik".into(),
    });
    out
}

fn controller(privacy: Option<&Privacy>) -> String {
    let Some(p) = privacy else {
        return "(ej ifylld: [privacy] i site.toml)".into();
    };
    let mut parts = vec![p.controller.clone()];
    parts.extend(p.organization_number.as_ref().map(|n| format!("org.nr {n}")));
    parts.extend(p.address.clone());
    parts.extend(p.email.clone());
    parts.extend(p.phone.clone());
    parts.join(", ")
}

/// The record as Markdown: who is responsible, then one row per purpose.
pub fn markdown(config: &Config, privacy: Option<&Privacy>, today: chrono::NaiveDate) -> String {
    let mut out = format!(
        "# Register över behandlingar (artikel 30): {}\n\nPersonuppgiftsansvarig: {}\n\nDataskyddsombud: {}\n\nUtskrivet {today} ur kioskens inställningar och webbplatsens site.toml.\n\n",
        config.cafe_name,
        controller(privacy),
        privacy
            .and_then(|p| p.dpo_email.clone())
            .unwrap_or_else(|| "(ej ifyllt)".into()),
    );
    out.push_str("| Ändamål | Personuppgifter | Registrerade | Rättslig grund | Mottagare | Lagringstid |\n|---|---|---|---|---|---|\n");
    let cell = |s: &str| s.replace('|', "\\|");
    for p in purposes(config, privacy) {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            cell(p.name),
            cell(&p.data),
            cell(p.subjects),
            cell(&p.basis),
            cell(&p.recipients),
            cell(&p.retention)
        ));
    }
    out.push_str("\nSäkerhet: uppgifterna finns i en databas på kioskens dator (och i inkorgen på webbplatsens server för anmälningar hemifrån), som raderar dem med secure_delete; personalsidorna kräver lösenord.\n");
    out
}

/// The record as CSV, one row per purpose, for a spreadsheet.
pub fn csv(config: &Config, privacy: Option<&Privacy>) -> String {
    let quote = |s: &str| {
        // A cell a spreadsheet would run as a formula is written as text.
        let s = if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        format!("\"{}\"", s.replace('"', "\"\""))
    };
    let who = controller(privacy);
    let mut out = String::from(
        "andamal,personuppgifter,registrerade,rattslig_grund,mottagare,lagringstid,personuppgiftsansvarig\n",
    );
    for p in purposes(config, privacy) {
        let row = [p.name, &p.data, p.subjects, &p.basis, &p.recipients, &p.retention, &who];
        out.push_str(&row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}
