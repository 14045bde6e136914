/**
 * Glance's notifications (image.create, image.upload, image.send, image.member.*, task.*...): built inside the
 * change's transaction, published to RabbitMQ in oslo.messaging's format once it has committed, never
 * holding up or failing the request that caused them.
 */
package org.glancejee.notifications;
