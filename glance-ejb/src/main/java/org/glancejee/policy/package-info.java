/**
 * Authorization as Glance does it with oslo.policy: its default rules, operators' policy files in
 * oslo's check-string language, and the targets each API call is checked against.
 */
package org.glancejee.policy;
