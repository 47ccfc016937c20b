/** The {@code ossimport2.jar} command line, a thin shell over the core API. */
package io.ossimport.cli;
