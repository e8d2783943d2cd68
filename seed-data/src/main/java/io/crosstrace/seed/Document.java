package io.crosstrace.seed;

import java.time.LocalDate;

public record Document(String number, DocumentKind kind, String title, LocalDate issuedOn) {
}
