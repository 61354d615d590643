/** headroom's reports module; its code arrives with the issues that need it (see DESIGN.md, Layout). */
package io.headroom.reports;
