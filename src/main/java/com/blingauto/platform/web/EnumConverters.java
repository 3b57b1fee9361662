package com.blingauto.platform.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Method;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query and path enums are read like JSON ones (CNV-26): trimmed, any letter case, by their wire spelling
 * (the {@link JsonValue} method) or their constant name.
 */
@Configuration(proxyBeanMethods = false)
class EnumConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new ConverterFactory<String, Enum<?>>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public <T extends Enum<?>> Converter<String, T> getConverter(Class<T> type) {
                return source -> {
                    String wanted = source.strip();
                    if (wanted.isEmpty()) {
                        return null;
                    }
                    for (T constant : type.getEnumConstants()) {
                        if (constant.name().equalsIgnoreCase(wanted) || wire(constant).equalsIgnoreCase(wanted)) {
                            return constant;
                        }
                    }
                    throw new IllegalArgumentException(Validations.enumMessage(type));
                };
            }
        });
    }

    static String wire(Enum<?> constant) {
        for (Method method : constant.getDeclaringClass().getMethods()) {
            if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
                try {
                    return String.valueOf(method.invoke(constant));
                } catch (ReflectiveOperationException e) {
                    break;
                }
            }
        }
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
