package org.frontdoor.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A partner organisation's webhook. The secret never leaves the service except as signatures. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "callback_url", nullable = false)
    public String callbackUrl;

    @Column(nullable = false)
    public String secret;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Override
    public String toString() {
        // never the secret, not even in a debug log
        return "Subscription[" + organisationId + " -> " + callbackUrl + "]";
    }
}
