/**
 * The admin web pages under {@code /admin}: sign-in with the API's identity, the dashboard, images, sharing
 * and operations. Pages are Thymeleaf templates ({@code resources/admin/templates}) filled by these resources,
 * which call the same services as the API, so every rule and authorization is the API's.
 */
package org.glancejee.web.admin;
