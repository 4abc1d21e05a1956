package org.frontdoor.returns;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The 2025-26 CIN census schema ({@code returns/CIN_schema_2026.xsd}, a community copy of the DfE specification,
 * MIT, see the licence beside it), compiled once, external entities and schemas locked out.
 */
final class CensusSchema {

    static final String RESOURCE = "/returns/CIN_schema_2026.xsd";
    static final Schema SCHEMA = load();

    private CensusSchema() {
    }

    /** Every schema error in a written return, read as a stream (not closed); empty when it is valid. */
    static List<SchemaError> validate(InputStream xml) throws IOException {
        List<SchemaError> errors = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("cannot lock down the XML validator", e);
        }
        validator.setErrorHandler(collectingInto(errors));
        try {
            validator.validate(new StreamSource(xml));
        } catch (SAXParseException e) {
            // not well formed: already recorded by fatalError
        } catch (SAXException e) {
            errors.add(new SchemaError(-1, -1, e.getMessage()));
        }
        return errors;
    }

    private static ErrorHandler collectingInto(List<SchemaError> errors) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(new SchemaError(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                errors.add(new SchemaError(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
                throw e;
            }
        };
    }

    private static Schema load() {
        URL xsd = CensusSchema.class.getResource(RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException(RESOURCE + " is missing");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile " + RESOURCE, e);
        }
    }
}
