package dev.silkway.tracking.carrier.russianpost;

import java.net.URL;
import org.apache.cxf.Bus;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.russianpost.operationhistory.OperationHistory12;
import org.russianpost.operationhistory.OperationHistory12_Service;

/**
 * The CXF proxy of Russian Post's OperationHistory12 port, read from the WSDL on the classpath, pointed at the
 * configured address, with connect and receive timeouts, no redirects and no chunked requests, and the answer
 * bounds of {@link AnswerBounds}. Its own CXF bus: no Spring XML configuration is looked for.
 */
final class RussianPostPort {

    static final String WSDL = "wsdl/russianpost/rtm34.wsdl";

    private RussianPostPort() {}

    static OperationHistory12 create(RussianPostProperties properties) {
        URL wsdl = RussianPostPort.class.getClassLoader().getResource(WSDL);
        if (wsdl == null) {
            throw new IllegalStateException(WSDL + " is missing from the classpath");
        }
        Bus bus = new ExtensionManagerBus();
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(OperationHistory12.class);
        factory.setWsdlURL(wsdl.toExternalForm());
        factory.setServiceName(OperationHistory12_Service.SERVICE);
        factory.setEndpointName(OperationHistory12_Service.OperationHistory12Port);
        factory.setAddress(properties.url().toString());
        factory.getOutInterceptors().add(new AnswerBounds.Start());
        factory.getInInterceptors().add(new AnswerBounds.Limit(properties.maxAnswerSize(), properties.deadline()));
        OperationHistory12 port = (OperationHistory12) factory.create();

        Client client = ClientProxy.getClient(port);
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(properties.connectTimeout().toMillis());
        policy.setReceiveTimeout(properties.receiveTimeout().toMillis());
        policy.setAutoRedirect(false);
        policy.setAllowChunking(false);
        ((HTTPConduit) client.getConduit()).setClient(policy);
        return port;
    }
}
