package org.frontdoor.triage.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lead worker: an early help practitioner or a social worker. */
@Entity
@Table(name = "worker")
public class Worker extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Pathway pathway;

    @Column(nullable = false)
    public boolean active;
}
