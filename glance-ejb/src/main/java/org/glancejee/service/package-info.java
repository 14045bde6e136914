/** Use cases as stateless EJBs: the transaction and authorization boundary around the domain. */
package org.glancejee.service;
